/** How the frameworks the gateway runs on are set up for it: adjustments made as the application's beans are discovered. */
package com.assuregateway.platform.control;
