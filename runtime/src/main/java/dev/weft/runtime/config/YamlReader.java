package dev.weft.runtime.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds a {@link YamlNode} tree from YAML text with SnakeYAML's event parser, which gives every node where it
 * starts. A tree model would drop positions and silently keep the last of two duplicate keys; this keeps both the
 * positions and the complaint. It reads the events directly rather than through Jackson's YAML parser, which would
 * load some eighty more classes before the application's {@code main}.
 */
final class YamlReader {
    private static final String NULL_TAG = "tag:yaml.org,2002:null";
    /** Reads a plain scalar's implicit type as YAML 1.1 does: {@code ~}, {@code null} and nothing at all are null. */
    private static final Resolver RESOLVER = new Resolver();

    private final String file;
    private final Problems problems;
    private final Parser parser;

    private YamlReader(String file, Problems problems, Parser parser) {
        this.file = file;
        this.problems = problems;
        this.parser = parser;
    }

    /**
     * Reads the single document in {@code yaml}. Empty when the text holds no document, or when it is not valid YAML
     * (then the syntax error is the one problem recorded: what follows it cannot be trusted).
     */
    static Optional<YamlNode> read(String yaml, String file, Problems problems) {
        Parser parser = new ParserImpl(new StreamReader(new StringReader(yaml)), new LoaderOptions());
        YamlReader reader = new YamlReader(file, problems, parser);
        try {
            if (!reader.nextDocument()) {
                return Optional.empty();
            }
            YamlNode root = reader.node(parser.getEvent());
            parser.getEvent(); // the document's end
            if (reader.nextDocument()) {
                Event second = parser.peekEvent();
                problems.add(reader.position(second.getStartMark()), "a second YAML document starts here; weft.yaml"
                        + " holds one document, so remove the '---' line and merge the two");
            }
            return Optional.of(root);
        } catch (MarkedYAMLException e) {
            problems.add(reader.syntaxErrorPosition(e), syntaxErrorMessage(e));
            return Optional.empty();
        } catch (ReaderException e) {
            problems.add(reader.position(yaml, e.getPosition()), "YAML syntax error: " + e.getMessage()
                    + " (code point 0x" + Integer.toHexString(e.getCodePoint()).toUpperCase(Locale.ROOT)
                    + "); remove that character");
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(new SourcePosition(file, 1, 1), "YAML syntax error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Past the stream's or the last document's end: whether another document follows. */
    private boolean nextDocument() {
        for (Event event = parser.getEvent(); !(event instanceof StreamEndEvent); event = parser.getEvent()) {
            if (event instanceof DocumentStartEvent) {
                return true;
            }
        }
        return false;
    }

    private YamlNode node(Event event) {
        SourcePosition at = position(event.getStartMark());
        if (event instanceof MappingStartEvent) {
            return mapping(at);
        }
        if (event instanceof SequenceStartEvent) {
            return sequence(at);
        }
        if (event instanceof AliasEvent alias) {
            problems.add(at, "YAML aliases (*" + alias.getAnchor() + ") are not supported here; write the value out");
            return new YamlNode.Scalar(at, "", true);
        }
        ScalarEvent scalar = (ScalarEvent) event;
        return new YamlNode.Scalar(at, scalar.getValue(), isNull(scalar));
    }

    /** A plain scalar YAML reads as null, or one tagged {@code !!null}; a quoted one never is. */
    private static boolean isNull(ScalarEvent scalar) {
        String tag = scalar.getTag();
        if (tag != null && !tag.equals("!")) {
            return tag.equals(NULL_TAG);
        }
        return scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && RESOLVER.resolve(NodeId.scalar, scalar.getValue(), true).getValue()
                .equals(NULL_TAG);
    }

    private YamlNode mapping(SourcePosition at) {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (Event event = parser.getEvent(); !(event instanceof MappingEndEvent); event = parser.getEvent()) {
            SourcePosition keyAt = position(event.getStartMark());
            YamlNode keyNode = node(event);
            YamlNode value = node(parser.getEvent());
            if (!(keyNode instanceof YamlNode.Scalar key)) {
                problems.add(keyAt, "a key here is " + keyNode.kind() + "; write keys as plain names");
                continue;
            }
            YamlNode.Entry first = entries.putIfAbsent(key.text(), new YamlNode.Entry(key.text(), keyAt, value));
            if (first != null) {
                problems.add(keyAt, "duplicate key '" + key.text() + "'; it is already set at line "
                        + first.keyPosition().line() + ", column " + first.keyPosition().column()
                        + ". Keep only one of them");
            }
        }
        return new YamlNode.Mapping(at, entries);
    }

    private YamlNode sequence(SourcePosition at) {
        List<YamlNode> items = new ArrayList<>();
        for (Event event = parser.getEvent(); !(event instanceof SequenceEndEvent); event = parser.getEvent()) {
            items.add(node(event));
        }
        return new YamlNode.Sequence(at, items);
    }

    private SourcePosition position(Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** The line and column of a character's index in the text, for the reader's errors, which give only the index. */
    private SourcePosition position(String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            boolean newLine = text.charAt(i) == '\n';
            line += newLine ? 1 : 0;
            column = newLine ? 1 : column + 1;
        }
        return new SourcePosition(file, line, column);
    }

    private SourcePosition syntaxErrorPosition(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? new SourcePosition(file, 1, 1) : position(mark);
    }

    private static String syntaxErrorMessage(MarkedYAMLException e) {
        String message = "YAML syntax error: " + e.getProblem();
        Mark context = e.getContextMark();
        if (e.getContext() != null && context != null) {
            message += " (" + e.getContext() + " that starts at line " + (context.getLine() + 1)
                    + ", column " + (context.getColumn() + 1) + ")";
        }
        return message;
    }
}
