/** What any layer may ask of a failure without building an answer: the gateway problem or cause it carries. */
package com.assuregateway.problems.control;
