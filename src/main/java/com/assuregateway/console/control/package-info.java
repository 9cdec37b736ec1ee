/** The console's own logic: review claims, evidence read from the archived full result. */
package com.assuregateway.console.control;
