/**
 * A render plan: an edit resolved against its probed sources into absolute times (seconds on the output
 * timeline), pixel boxes and sound levels, ready for a renderer to compose (ffmpeg) and an encoder to
 * encode (MediaConvert). Nothing here knows how either does it.
 */
package dev.reelforge.core.plan;
