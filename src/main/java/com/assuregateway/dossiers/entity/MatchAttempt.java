package com.assuregateway.dossiers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One matching attempt FaceTec made, as stored. */
@Embeddable
public class MatchAttempt {

    private String algorithm;

    @Column(name = "match_level")
    private Integer matchLevel;

    @Column(name = "image_processing")
    private String imageProcessing;

    private Boolean success;

    private Boolean error;

    protected MatchAttempt() {
    }

    public MatchAttempt(String algorithm, Integer matchLevel, String imageProcessing, Boolean success, Boolean error) {
        this.algorithm = algorithm;
        this.matchLevel = matchLevel;
        this.imageProcessing = imageProcessing;
        this.success = success;
        this.error = error;
    }

    public String algorithm() {
        return algorithm;
    }

    public Integer matchLevel() {
        return matchLevel;
    }

    public String imageProcessing() {
        return imageProcessing;
    }

    public Boolean success() {
        return success;
    }

    public Boolean error() {
        return error;
    }
}
