package com.assuregateway.problems.entity;

/** One offending field of a request: where it is ({@code facetecEnrollment.faceScan}) and what is wrong. */
public record FieldError(String field, String message) {
}
