/** The outbox other components write into, endpoint records, signing, target safety, retries and the HTTP attempt. */
package com.assuregateway.webhooks.control;
