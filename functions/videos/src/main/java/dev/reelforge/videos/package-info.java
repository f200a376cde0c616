/**
 * The Videos API's flow (target/videos.jar): the functions behind IBM Video Streaming's videos that run on a
 * schedule or on a table's stream rather than on a request.
 */
package dev.reelforge.videos;
