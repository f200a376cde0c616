/**
 * The Shotstack face's routes that fetch or store users' media (probe, Ingest sources and uploads, Serve
 * transfers) and their flow. They need S3, MediaConvert and ffmpeg, which the face's DynamoDB-only jar does not
 * carry.
 */
package dev.reelforge.ingest;
