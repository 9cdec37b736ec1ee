/** Cross-cutting services every component uses: the gateway's metrics. */
package com.assuregateway.platform.control;
