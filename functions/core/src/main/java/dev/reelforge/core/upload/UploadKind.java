package dev.reelforge.core.upload;

/** What an owner uploads for projects: a photo (a still image) or music (a sound track). */
public enum UploadKind {
    PHOTO("photo"),
    MUSIC("music");

    private final String wireName;

    UploadKind(String wireName) {
        this.wireName = wireName;
    }

    /** {@code photo} or {@code music}: the {@code kind} of {@code POST /me/uploads} and the items' key prefix. */
    public String wireName() {
        return wireName;
    }

    public static java.util.Optional<UploadKind> fromWireName(String name) {
        for (UploadKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
