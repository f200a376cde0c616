package dev.reelforge.local.mediaconvert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file's streams and packets as ffmpeg's framecrc muxer lists them when it copies them
 * ({@code -map 0 -c copy -f framecrc}), which reads the file without decoding it: each stream's header (codec,
 * a checksum of its extradata, time base, frame size, SAR, sample rate, channel layout) and each packet's
 * timestamps, duration and key flag. What lets the emulator tell whether a job's inputs can be joined by stream
 * copy, and check that the joined file is the inputs end to end.
 */
record PacketList(List<Stream> streams) {

    /** One packet: timestamps and duration in its stream's time base. */
    record Packet(long dts, long pts, long duration, boolean key) {}

    /**
     * @param header every {@code #name n: value} line of the stream but its index, in order ("codec_id: h264")
     */
    record Stream(String type, String codec, long timeBaseNumerator, long timeBaseDenominator, int sampleRate,
            List<String> header, List<Packet> packets) {

        /** The sum of the packets' durations. */
        long length() {
            return packets.stream().mapToLong(Packet::duration).sum();
        }

        double seconds(long ticks) {
            return (double) ticks * timeBaseNumerator / timeBaseDenominator;
        }

        /** Whether the packets start at 0 and each starts where the one before ended. */
        boolean contiguous() {
            long next = 0;
            for (Packet packet : packets) {
                if (packet.dts() != next) {
                    return false;
                }
                next = packet.dts() + packet.duration();
            }
            return true;
        }

        boolean hasExtradata() {
            return header.stream().anyMatch(line -> line.startsWith("extradata:"));
        }
    }

    Optional<Stream> first(String type) {
        return streams.stream().filter(stream -> stream.type().equals(type)).findFirst();
    }

    /** Reads framecrc's report: header lines ({@code #tb 0: 1/12800}) then packet lines. */
    static PacketList parse(List<String> lines) {
        Map<Integer, List<String>> headers = new LinkedHashMap<>();
        Map<Integer, List<Packet>> packets = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                int space = line.indexOf(' ');
                int colon = line.indexOf(':', space + 1);
                if (space < 0 || colon < 0) {
                    continue;
                }
                Integer index = integer(line.substring(space + 1, colon));
                if (index == null) {
                    // "#software: ...", of the whole report
                    continue;
                }
                headers.computeIfAbsent(index, any -> new ArrayList<>())
                        .add(line.substring(1, space) + ": " + line.substring(colon + 1).strip());
            } else if (!line.isBlank()) {
                String[] fields = line.split(",");
                if (fields.length < 6) {
                    throw new IllegalArgumentException("not a framecrc packet line: " + line);
                }
                boolean key = true;
                for (int n = 6; n < fields.length; n++) {
                    String field = fields[n].strip();
                    if (field.startsWith("F=0x")) {
                        // framecrc names the flags only when they are not the key flag alone
                        key = (Long.parseLong(field.substring("F=0x".length()), 16) & 1) != 0;
                    }
                }
                packets.computeIfAbsent(Integer.parseInt(fields[0].strip()), any -> new ArrayList<>())
                        .add(new Packet(Long.parseLong(fields[1].strip()), Long.parseLong(fields[2].strip()),
                                Long.parseLong(fields[3].strip()), key));
            }
        }
        List<Stream> streams = new ArrayList<>();
        headers.forEach((index, header) -> {
            String timeBase = value(header, "tb").orElse("0/1");
            int slash = timeBase.indexOf('/');
            streams.add(new Stream(value(header, "media_type").orElse("unknown"),
                    value(header, "codec_id").orElse("unknown"), Long.parseLong(timeBase.substring(0, slash)),
                    Long.parseLong(timeBase.substring(slash + 1)),
                    value(header, "sample_rate").map(Integer::parseInt).orElse(0), List.copyOf(header),
                    List.copyOf(packets.getOrDefault(index, List.of()))));
        });
        return new PacketList(List.copyOf(streams));
    }

    private static Optional<String> value(List<String> header, String name) {
        return header.stream().filter(line -> line.startsWith(name + ": "))
                .map(line -> line.substring(name.length() + 2)).findFirst();
    }

    private static Integer integer(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
