package dev.weft.runtime.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Builds a {@link YamlNode} tree from YAML text with Jackson's streaming parser. Jackson's own tree model drops
 * positions and silently keeps the last of two duplicate keys; this keeps both the positions and the complaint.
 */
final class YamlReader {
    /** Explicit, as the builder does not apply the parser's defaults: {@code key:} alone must read as null. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private final String file;
    private final Problems problems;
    private final YAMLParser parser;

    private YamlReader(String file, Problems problems, YAMLParser parser) {
        this.file = file;
        this.problems = problems;
        this.parser = parser;
    }

    /**
     * Reads the single document in {@code yaml}. Empty when the text holds no document, or when it is not valid YAML
     * (then the syntax error is the one problem recorded: what follows it cannot be trusted).
     */
    static Optional<YamlNode> read(String yaml, String file, Problems problems) {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(yaml)) {
            YamlReader reader = new YamlReader(file, problems, parser);
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            YamlNode root = reader.node();
            if (parser.nextToken() != null) {
                problems.add(reader.here(), "a second YAML document starts here; weft.yaml holds one document,"
                        + " so remove the '---' line and merge the two");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            problems.add(syntaxErrorPosition(e, file), syntaxErrorMessage(e));
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from a string cannot fail with I/O", e);
        }
    }

    private YamlNode node() throws IOException {
        SourcePosition at = here();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return mapping(at);
        }
        if (token == JsonToken.START_ARRAY) {
            return sequence(at);
        }
        if (parser.isCurrentAlias()) {
            problems.add(at, "YAML aliases (*" + parser.getText() + ") are not supported here; write the value out");
            return new YamlNode.Scalar(at, "", true);
        }
        return new YamlNode.Scalar(at, parser.getText(), token == JsonToken.VALUE_NULL);
    }

    private YamlNode mapping(SourcePosition at) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourcePosition keyAt = here();
            parser.nextToken();
            YamlNode value = node();
            YamlNode.Entry first = entries.putIfAbsent(key, new YamlNode.Entry(key, keyAt, value));
            if (first != null) {
                problems.add(keyAt, "duplicate key '" + key + "'; it is already set at line "
                        + first.keyPosition().line() + ", column " + first.keyPosition().column()
                        + ". Keep only one of them");
            }
        }
        return new YamlNode.Mapping(at, entries);
    }

    private YamlNode sequence(SourcePosition at) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY && t != null; t = parser.nextToken()) {
            items.add(node());
        }
        return new YamlNode.Sequence(at, items);
    }

    private SourcePosition here() {
        return position(parser.currentTokenLocation(), file);
    }

    private static SourcePosition position(JsonLocation location, String file) {
        return new SourcePosition(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /** SnakeYAML's own mark is where the error is; Jackson's location is only where the parser had got to. */
    private static SourcePosition syntaxErrorPosition(JsonProcessingException e, String file) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
        }
        JsonLocation location = e.getLocation();
        return location == null ? new SourcePosition(file, 1, 1) : position(location, file);
    }

    private static String syntaxErrorMessage(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            String message = "YAML syntax error: " + marked.getProblem();
            Mark context = marked.getContextMark();
            if (marked.getContext() != null && context != null) {
                message += " (" + marked.getContext() + " that starts at line " + (context.getLine() + 1)
                        + ", column " + (context.getColumn() + 1) + ")";
            }
            return message;
        }
        return "YAML syntax error: " + e.getOriginalMessage();
    }
}
