/**
 * The edits Reelforge can render, as typed values: the supported part of the Edit document, read by
 * {@link dev.reelforge.core.edit.EditReader}. Anything the contract allows but the renderer cannot do yet
 * never reaches these types; it is refused at submit, naming the field.
 */
package dev.reelforge.core.edit.model;
