package dev.twilioconnector.filter;

import dev.twilioconnector.error.FilterSyntaxException;

import java.util.ArrayList;
import java.util.List;

/** Splits a filterClause into tokens, each with its 1-based column. */
final class Lexer {

    private final String text;
    private int position;

    private Lexer(String text) {
        this.text = text;
    }

    /** The tokens of the clause, always ending with an {@link Token.Type#END} token. */
    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (position >= text.length()) {
                tokens.add(new Token(Token.Type.END, "", "", position + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private Token next() {
        int start = position;
        char c = text.charAt(position);
        switch (c) {
            case '(':
                position++;
                return new Token(Token.Type.LEFT_PAREN, "(", "(", start + 1);
            case ')':
                position++;
                return new Token(Token.Type.RIGHT_PAREN, ")", ")", start + 1);
            case ',':
                position++;
                return new Token(Token.Type.COMMA, ",", ",", start + 1);
            case '\'':
            case '"':
                return string(c);
            case '=':
                return operator(1);
            case '<':
                return operator(peek(1) == '=' || peek(1) == '>' ? 2 : 1);
            case '>':
                return operator(peek(1) == '=' ? 2 : 1);
            case '!':
                if (peek(1) == '=') {
                    return operator(2);
                }
                throw new FilterSyntaxException("filterClause: expected '!=' at column " + (start + 1)
                        + " but found '!'", start + 1);
            default:
                break;
        }
        if (isDigit(c) || (c == '.' && isDigit(peek(1))) || (c == '-' && (isDigit(peek(1)) || (peek(1) == '.' && isDigit(peek(2)))))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                position++;
            }
            String word = text.substring(start, position);
            return new Token(Token.Type.IDENTIFIER, word, word, start + 1);
        }
        throw new FilterSyntaxException("filterClause: expected a field, a value, an operator or a parenthesis at column "
                + (start + 1) + " but found '" + c + "'", start + 1);
    }

    private Token operator(int length) {
        int start = position;
        position += length;
        String op = text.substring(start, position);
        return new Token(Token.Type.OPERATOR, op, op, start + 1);
    }

    private Token string(char quote) {
        int start = position;
        position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == quote) {
                if (peek(1) == quote) {
                    value.append(quote);
                    position += 2;
                    continue;
                }
                position++;
                return new Token(Token.Type.STRING, value.toString(), text.substring(start, position), start + 1);
            }
            value.append(c);
            position++;
        }
        throw new FilterSyntaxException("filterClause: expected " + quote + " to close the string that starts at column "
                + (start + 1) + " but found end of input", start + 1);
    }

    private Token number() {
        int start = position;
        if (text.charAt(position) == '-') {
            position++;
        }
        digits();
        if (position < text.length() && text.charAt(position) == '.') {
            position++;
            digits();
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int mark = position;
            position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            if (position < text.length() && isDigit(text.charAt(position))) {
                digits();
            } else {
                position = mark;
            }
        }
        String number = text.substring(start, position);
        return new Token(Token.Type.NUMBER, number, number, start + 1);
    }

    private void digits() {
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
    }

    private char peek(int ahead) {
        int index = position + ahead;
        return index < text.length() ? text.charAt(index) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
