/** RFC 9457 problem answers: every error a client sees, with a stable type. */
package com.assuregateway.problems;
