/** The archive's own timer: retention, once an hour. */
package com.assuregateway.archive.boundary;
