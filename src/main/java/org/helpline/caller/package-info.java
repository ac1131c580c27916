/**
 * Who a caller said they are and the language they hear, as one type each: every way in (API,
 * page, menu, channel, import) reads them through here, so a code is spelled one way everywhere.
 */
package org.helpline.caller;
