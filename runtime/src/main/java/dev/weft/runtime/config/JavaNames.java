package dev.weft.runtime.config;

/** Checks on Java names as the user writes them in selectors and method names. */
final class JavaNames {
    private JavaNames() {
    }

    static boolean isIdentifier(String text) {
        if (text.isEmpty() || !Character.isJavaIdentifierStart(text.charAt(0))) {
            return false;
        }
        return text.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }
}
