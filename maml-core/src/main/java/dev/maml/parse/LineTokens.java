package dev.maml.parse;

/** Where {@link StructureReader} takes its tokens from, one at a time; the last one is {@link LineType#EOF}. */
interface LineTokens {

    LineToken next();
}
