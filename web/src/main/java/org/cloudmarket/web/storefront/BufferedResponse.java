package org.cloudmarket.web.storefront;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A response whose body is held back, so that the page cache (and the API's IdempotencyFilter) can keep it: status and headers go
 * to the real response as usual; an error or a redirect goes through untouched.
 */
public final class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final CharArrayWriter chars = new CharArrayWriter(16 * 1024);
    private PrintWriter writer;
    private ServletOutputStream stream;
    private boolean setsCookie;
    private boolean passedOn;

    public BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    /** The body as written, through the stream or the writer (in the response's encoding). */
    public byte[] body() {
        if (writer != null) {
            writer.flush();
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.ISO_8859_1 : Charset.forName(getCharacterEncoding());
            return chars.toString().getBytes(charset);
        }
        return bytes.toByteArray();
    }

    boolean setsCookie() {
        return setsCookie;
    }

    /** False when the page sent an error or a redirect: its body is the container's, not ours. */
    public boolean completed() {
        return !passedOn;
    }

    @Override
    public void addCookie(Cookie cookie) {
        setsCookie = true;
        super.addCookie(cookie);
    }

    @Override
    public void addHeader(String name, String value) {
        setsCookie |= name.equalsIgnoreCase("Set-Cookie");
        super.addHeader(name, value);
    }

    @Override
    public void setHeader(String name, String value) {
        setsCookie |= name.equalsIgnoreCase("Set-Cookie");
        super.setHeader(name, value);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        passedOn = true;
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        passedOn = true;
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        passedOn = true;
        super.sendRedirect(location);
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() was called first");
        }
        if (writer == null) {
            writer = new PrintWriter(chars);
        }
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was called first");
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("The page cache buffers blocking writes only");
                }
            };
        }
        return stream;
    }

    @Override
    public void flushBuffer() {
        // held back until the page is complete
    }

    @Override
    public void setContentLength(int length) {
        // the filter sets the length of what it writes
    }

    @Override
    public void setContentLengthLong(long length) {
        // the filter sets the length of what it writes
    }

    @Override
    public void resetBuffer() {
        chars.reset();
        bytes.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        chars.reset();
        bytes.reset();
        super.reset();
    }
}
