package dev.reelforge.local.mediaconvert;

/**
 * A CreateJob request the local MediaConvert refuses: answered 400 {@code BadRequestException} with this
 * message, which names the JSON path of what is wrong ({@code /settings/inputs/0/fileInput: ...}).
 */
final class InvalidJobException extends RuntimeException {

    InvalidJobException(String message) {
        super(message);
    }
}
