namespace KubeInject.GoTemplates;

/// <summary>The kinds of token Go's template lexer produces (text/template/parse/lex.go's itemType, minus the ones the parser never needs).</summary>
internal enum GoTokenKind
{
    Text, LeftDelim, RightDelim, Space, Pipe, LeftParen, RightParen, Declare, Assign, Comma,
    Bool, Char, Number, String, RawString, Nil, Dot, Field, Variable, Identifier, Keyword, Eof,
}

/// <summary>One token with its 1-based line. <see cref="Text"/> of a <see cref="GoTokenKind.Field"/> keeps its leading dot (".Name").</summary>
internal readonly record struct GoToken(GoTokenKind Kind, string Text, int Line);
