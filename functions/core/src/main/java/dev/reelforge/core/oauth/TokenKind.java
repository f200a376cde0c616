package dev.reelforge.core.oauth;

/** Access tokens open the API; refresh tokens only buy a new pair at the token endpoint. */
public enum TokenKind {
    ACCESS("access"),
    REFRESH("refresh");

    private final String wireName;

    TokenKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static TokenKind fromWireName(String name) {
        for (TokenKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no token kind " + name);
    }
}
