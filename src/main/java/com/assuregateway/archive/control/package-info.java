/** AES-256-GCM encryption with rotatable keys, and storing and reading archives. */
package com.assuregateway.archive.control;
