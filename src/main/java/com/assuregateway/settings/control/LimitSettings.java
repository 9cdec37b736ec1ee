package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Size limits of what the portal sends: {@code gateway.limits.*}. */
@Dependent
@ConfigProperties(prefix = "gateway.limits")
public class LimitSettings {

    @ConfigProperty(name = "request-bytes", defaultValue = "8388608")
    long requestBytes;

    @ConfigProperty(name = "photo-bytes", defaultValue = "5242880")
    int photoBytes;

    @ConfigProperty(name = "enrollment-field-bytes", defaultValue = "2097152")
    int enrollmentFieldBytes;

    /** Any request body, before it is read. */
    public long requestBytes() {
        return requestBytes;
    }

    /** A decoded photo. */
    public int photoBytes() {
        return photoBytes;
    }

    /** One field of a FaceTec enrollment (faceScan, audit trail image). */
    public int enrollmentFieldBytes() {
        return enrollmentFieldBytes;
    }
}
