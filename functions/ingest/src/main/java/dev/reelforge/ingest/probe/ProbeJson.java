package dev.reelforge.ingest.probe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.probe.ProbeMediaResult;
import java.util.Locale;

/**
 * The contract's ProbeResponse as Shotstack answers it: {@code {"success":true,"message":"Created","response":
 * {"metadata":{"streams":[…],"format":{…}}}}}, the metadata in ffprobe's JSON shape ({@code -show_streams
 * -show_format}: numbers that ffprobe writes as strings are strings here too). It holds what Reelforge's probe reads
 * (ffmpeg's input dump; no ffprobe ships where Reelforge runs): the first picture stream and the first sound stream,
 * the duration and the size. {@code format.filename} is the user's URL, never the sample's path.
 */
final class ProbeJson {

    private ProbeJson() {}

    static ObjectNode envelope(ProbeMediaResult.Probed probed) {
        ObjectNode body = Json.object().put("success", true).put("message", "Created");
        ObjectNode metadata = body.putObject("response").putObject("metadata");
        ArrayNode streams = metadata.putArray("streams");
        MediaInfo info = probed.info();
        info.video().ifPresent(video -> {
            ObjectNode stream = streams.addObject().put("index", streams.size() - 1)
                    .put("codec_name", video.codec())
                    .put("codec_type", "video")
                    .put("width", video.width())
                    .put("height", video.height());
            if (video.fps() > 0) {
                String rate = rational(video.fps());
                stream.put("r_frame_rate", rate).put("avg_frame_rate", rate);
            }
            info.duration().ifPresent(seconds -> stream.put("duration", seconds(seconds)));
        });
        info.audio().ifPresent(audio -> {
            ObjectNode stream = streams.addObject().put("index", streams.size() - 1)
                    .put("codec_name", audio.codec())
                    .put("codec_type", "audio")
                    .put("sample_rate", Integer.toString(audio.sampleRate()))
                    .put("channels", audio.channels());
            info.duration().ifPresent(seconds -> stream.put("duration", seconds(seconds)));
        });
        ObjectNode format = metadata.putObject("format")
                .put("filename", probed.url())
                .put("nb_streams", streams.size());
        info.duration().ifPresent(seconds -> format.put("duration", seconds(seconds)));
        format.put("size", Long.toString(probed.sourceBytes()));
        if (info.duration().isPresent() && info.duration().getAsDouble() > 0) {
            format.put("bit_rate", Long.toString(Math.round(probed.sourceBytes() * 8 / info.duration().getAsDouble())));
        }
        return body;
    }

    /** ffprobe's six decimals. */
    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.6f", seconds);
    }

    /** A frame rate as ffprobe writes it: {@code 25/1}, {@code 30000/1001} for NTSC's 29.97. */
    static String rational(double fps) {
        long whole = Math.round(fps);
        if (Math.abs(fps - whole) < 0.0005) {
            return whole + "/1";
        }
        long ntsc = Math.round(fps * 1001 / 1000);
        if (Math.abs(fps - ntsc * 1000.0 / 1001) < 0.005) {
            return ntsc * 1000 + "/1001";
        }
        return Math.round(fps * 1000) + "/1000";
    }
}
