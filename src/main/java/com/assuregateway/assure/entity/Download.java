package com.assuregateway.assure.entity;

import java.io.InputStream;

/** An open download from Assure: the caller streams the body onwards and closes it. */
public record Download(InputStream body, String mediaType, long length) implements AutoCloseable {

    @Override
    public void close() throws java.io.IOException {
        body.close();
    }
}
