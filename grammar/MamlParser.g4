/*
 * MAML structure parser: front matter, preamble, level-2 sections, fenced code (spec section 2).
 * The lexer sees to it that any input is a valid token sequence, so this grammar accepts every
 * document; its job is the grouping (which lines belong to which section and fence).
 */
parser grammar MamlParser;

options { tokenVocab = MamlLexer; }

document : BOM? frontMatter? block* section* EOF ;

frontMatter : FM_OPEN (YAML_LINE | FM_NEWLINE)* FM_CLOSE? ;

section : H2 block* ;

block : fence | HEADING | HISTORY_ENTRY | LIST_ITEM | KEY_VALUE | TEXT | NEWLINE ;

fence : FENCE_OPEN (CODE_LINE | CODE_NEWLINE)* FENCE_CLOSE? ;
