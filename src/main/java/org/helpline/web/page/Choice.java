package org.helpline.web.page;

/** One option of a select: the code sent, the label shown. */
record Choice(String code, String label) {

}
