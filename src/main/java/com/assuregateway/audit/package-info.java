/** The append-only audit trail every step writes: who did what to which process, when and with what outcome. */
package com.assuregateway.audit;
