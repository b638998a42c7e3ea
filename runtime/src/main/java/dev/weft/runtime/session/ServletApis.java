package dev.weft.runtime.session;

/** The {@link ServletApi} of one flavour as each woven class's loader sees it, looked up once per class. */
final class ServletApis {
    private final String apiPackage;
    private final ClassValue<ServletApi> byClass = new ClassValue<>() {
        @Override
        protected ServletApi computeValue(Class<?> woven) {
            ClassLoader loader = woven.getClassLoader();
            return new ServletApi(apiPackage, loader != null ? loader : ClassLoader.getSystemClassLoader());
        }
    };

    /** @param apiPackage {@code javax.servlet} or {@code jakarta.servlet} */
    ServletApis(String apiPackage) {
        this.apiPackage = apiPackage;
    }

    ServletApi of(Class<?> woven) {
        return byClass.get(woven);
    }
}
