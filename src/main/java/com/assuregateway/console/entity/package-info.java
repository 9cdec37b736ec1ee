/** The console's values and records: the signed-in user, a review claim, a coded review reason. */
package com.assuregateway.console.entity;
