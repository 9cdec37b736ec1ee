/** Stateless helpers and the metrics registry every component shares; nothing here knows a component above it. */
package com.assuregateway.shared.control;
