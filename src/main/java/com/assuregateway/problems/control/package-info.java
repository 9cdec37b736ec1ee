/** What any layer may ask of a failure without building an answer, and the checks of input every list shares. */
package com.assuregateway.problems.control;
