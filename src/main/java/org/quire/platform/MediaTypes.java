package org.quire.platform;

/** The media types of the contract, for @Produces and @Consumes. */
public final class MediaTypes {

    public static final String JSON = "application/json;charset=UTF-8";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private MediaTypes() {
    }
}
