/** The leaf every component may use, using none: the JSON-P provider, metrics, the correlation id, fingerprints, log-safe and plain-text checks. */
package com.assuregateway.shared;
