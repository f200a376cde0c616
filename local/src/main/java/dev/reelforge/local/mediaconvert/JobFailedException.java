package dev.reelforge.local.mediaconvert;

/**
 * Why a job ended in ERROR, with one of MediaConvert's error codes: 1010 the input cannot be opened as
 * media, 1020/1021 it has no video/audio an output needs, 1401 S3 denied access, 1404 an input, image or
 * bucket does not exist, 1999 anything else (ffmpeg failing on a readable input).
 */
final class JobFailedException extends Exception {

    static final int INPUT_ERROR = 1010;
    static final int VIDEO_ERROR = 1020;
    static final int AUDIO_ERROR = 1021;
    static final int PERMISSIONS = 1401;
    static final int NOT_FOUND = 1404;
    static final int UNKNOWN = 1999;

    private final int code;

    JobFailedException(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }
}
