/** The evidence archive: Assure's full-result zip kept encrypted at rest, for as long as retention allows. */
package com.assuregateway.archive;
