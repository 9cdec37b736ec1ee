/** Exception mappers that turn every failure into application/problem+json. */
package com.assuregateway.problems.boundary;
