/** The console's controllers (Jakarta MVC), its sign-in gate and session cookie, and the views' models. */
package com.assuregateway.console.boundary;
