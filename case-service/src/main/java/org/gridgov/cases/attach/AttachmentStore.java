package org.gridgov.cases.attach;

import java.io.IOException;
import java.io.InputStream;

/** Where attachment bytes live: a local directory here, object storage (S3/OSS/MinIO) in a cluster. */
public interface AttachmentStore {

    void put(String key, InputStream content) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;
}
