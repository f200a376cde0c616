package dev.reelforge.local.it;

/** Edit documents the API tests submit. */
final class Edits {

    private Edits() {}

    /** The contract's own example edit, with a merge field in its title. */
    static final String EXAMPLE = """
            {
              "timeline": {
                "soundtrack": {"src": "https://example.com/music.mp3", "effect": "fadeInFadeOut"},
                "background": "#000000",
                "tracks": [
                  {"clips": [
                    {"asset": {"type": "title", "text": "{{ NAME }}", "style": "minimal"}, "start": 0, "length": 4,
                     "transition": {"in": "fade", "out": "fade"}, "effect": "slideRight"},
                    {"asset": {"type": "image", "src": "https://example.com/my-image.jpg"}, "start": 3, "length": 4,
                     "effect": "zoomIn", "filter": "greyscale"}
                  ]},
                  {"clips": [
                    {"asset": {"type": "video", "src": "https://example.com/my-clip-1.mp4", "trim": 10.5},
                     "start": 7, "length": 4.5},
                    {"asset": {"type": "video", "src": "https://example.com/my-clip-2.mp4", "volume": 0.5},
                     "start": 11.5, "length": 5, "transition": {"out": "wipeLeft"}}
                  ]}
                ]
              },
              "output": {"format": "mp4", "resolution": "sd"},
              "merge": [{"find": "NAME", "replace": "Jane"}]
            }
            """;

    static final String SMALL = """
            {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Hi"}, "start": 0, "length": 2}]}]},
             "output": {"format": "mp4", "resolution": "preview"}}
            """;

    /** {@link #SMALL} with one part replaced, e.g. to break it. */
    static String small(String find, String replace) {
        if (!SMALL.contains(find)) {
            throw new IllegalArgumentException("the small edit has no " + find);
        }
        return SMALL.replace(find, replace);
    }
}
