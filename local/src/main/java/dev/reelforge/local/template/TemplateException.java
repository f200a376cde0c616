package dev.reelforge.local.template;

/** template.yaml uses something the embedded stack cannot read or resolve. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
