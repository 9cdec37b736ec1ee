/** The web console for reviewers and auditors under {@code /console/}: sign-in, review queue, evidence, audit. */
package com.assuregateway.console;
