package dev.reelforge.core.caption;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads TTML and DFXP (its older name) subtitles: every {@code <p>} with {@code begin} and {@code end} (or
 * {@code dur}) is a cue, its text the characters inside it with {@code <br/>} as a line break. Times are clock
 * times ({@code 00:00:01.500}, or {@code 00:00:01:12} with frames at the document's {@code ttp:frameRate},
 * 30 if none) or offsets ({@code 1.5s}, {@code 1500ms}, {@code 2m}, {@code 1h}, {@code 45f}, {@code 90t} at
 * {@code ttp:tickRate}, 1 if none). Timing on {@code <div>}, {@code <body>} and {@code <span>} is ignored: the
 * paragraphs' own times place the cues, and their words share them evenly. A streaming parser with no DTDs
 * and no external entities: linear in the document, nothing fetched.
 */
final class TtmlParser {

    private static final String TTP = "http://www.w3.org/ns/ttml#parameter";
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,6}):(\\d{2}):(\\d{2})(?:(\\.\\d{1,9})|:(\\d{1,4})(\\.\\d{1,4})?)?");
    private static final Pattern OFFSET = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)(h|m|s|ms|f|t)");

    private TtmlParser() {}

    static SubtitleParsing parse(String text) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        List<Cue> cues = new ArrayList<>();
        double frameRate = 30;
        double tickRate = 1;
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new StringReader(text));
            StringBuilder paragraph = null;
            double begin = 0;
            double end = 0;
            int depth = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    int line = xml.getLocation().getLineNumber();
                    if (name.equals("tt")) {
                        frameRate = rate(xml.getAttributeValue(TTP, "frameRate"), 30, line, "ttp:frameRate");
                        tickRate = rate(xml.getAttributeValue(TTP, "tickRate"), 1, line, "ttp:tickRate");
                    } else if (paragraph != null) {
                        depth++;
                        if (name.equals("br")) {
                            paragraph.append('\n');
                        }
                    } else if (name.equals("p")) {
                        String beginText = xml.getAttributeValue(null, "begin");
                        String endText = xml.getAttributeValue(null, "end");
                        String durText = xml.getAttributeValue(null, "dur");
                        if (beginText == null || (endText == null && durText == null)) {
                            return new SubtitleParsing.Malformed(line, "a <p> needs begin and end (or dur) times");
                        }
                        begin = time(beginText, frameRate, tickRate, line);
                        end = endText != null ? time(endText, frameRate, tickRate, line)
                                : begin + time(durText, frameRate, tickRate, line);
                        if (end < begin) {
                            return new SubtitleParsing.Malformed(line, "the cue ends before it starts");
                        }
                        if (cues.size() == SubtitleParser.MAX_CUES) {
                            return new SubtitleParsing.Malformed(line, "more than " + SubtitleParser.MAX_CUES
                                    + " cues");
                        }
                        paragraph = new StringBuilder();
                        depth = 0;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && paragraph != null) {
                    if (depth == 0) {
                        String cueText = paragraph.toString().lines().map(String::strip)
                                .reduce((a, b) -> a + "\n" + b).orElse("");
                        cues.add(Cue.evenlyTimed(begin, end, cueText));
                        paragraph = null;
                    } else {
                        depth--;
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && paragraph != null) {
                    paragraph.append(xml.getText().replaceAll("[ \\t\\r\\n]+", " "));
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            return new SubtitleParsing.Malformed(line, "not well-formed TTML");
        } catch (MalformedTime e) {
            return new SubtitleParsing.Malformed(e.line, e.getMessage());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release: the input is a string
                }
            }
        }
        if (cues.isEmpty()) {
            return new SubtitleParsing.Malformed(1, "the file holds no cues (no <p> with begin and end)");
        }
        return new SubtitleParsing.Parsed(cues);
    }

    private static final class MalformedTime extends RuntimeException {
        final int line;

        MalformedTime(int line, String problem) {
            super(problem, null, false, false);
            this.line = line;
        }
    }

    private static double rate(String value, double fallback, int line, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            double rate = Double.parseDouble(value.strip());
            if (rate > 0 && rate < 1e9) {
                return rate;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new MalformedTime(line, name + " '" + value + "' is not a positive number");
    }

    static double time(String value, double frameRate, double tickRate, int line) {
        OptionalDouble seconds = seconds(value.strip(), frameRate, tickRate);
        if (seconds.isEmpty()) {
            throw new MalformedTime(line, "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                    + "' is not a TTML time such as 00:00:01.500 or 1.5s");
        }
        return seconds.getAsDouble();
    }

    private static OptionalDouble seconds(String value, double frameRate, double tickRate) {
        if (value.length() > 40) {
            return OptionalDouble.empty();
        }
        Matcher clock = CLOCK.matcher(value);
        if (clock.matches()) {
            int minutes = Integer.parseInt(clock.group(2));
            int seconds = Integer.parseInt(clock.group(3));
            if (minutes > 59 || seconds > 60) {
                return OptionalDouble.empty();
            }
            double total = Long.parseLong(clock.group(1)) * 3600.0 + minutes * 60 + seconds;
            if (clock.group(4) != null) {
                total += Double.parseDouble("0" + clock.group(4));
            } else if (clock.group(5) != null) {
                double frames = Integer.parseInt(clock.group(5))
                        + (clock.group(6) == null ? 0 : Double.parseDouble("0" + clock.group(6)));
                total += frames / frameRate;
            }
            return OptionalDouble.of(total);
        }
        Matcher offset = OFFSET.matcher(value);
        if (offset.matches()) {
            double number = Double.parseDouble(offset.group(1));
            return OptionalDouble.of(switch (offset.group(2)) {
                case "h" -> number * 3600;
                case "m" -> number * 60;
                case "s" -> number;
                case "ms" -> number / 1000;
                case "f" -> number / frameRate;
                default -> number / tickRate;
            });
        }
        return OptionalDouble.empty();
    }
}
