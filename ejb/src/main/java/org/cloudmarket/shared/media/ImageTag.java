package org.cloudmarket.shared.media;

/**
 * What tells one stored picture from another without reading it: its id (a stored picture never
 * changes, so the id is also its version), its type and the digest of its bytes.
 */
public record ImageTag(long id, String contentType, String digest) {
}
