package org.healthcrm.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the size of API request bodies (default 5 MB, {@code healthcrm.api.max-request-size}): a larger body gets
 * 413 as problem+json before anything reads it, whether it announces its length or streams it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Problems problems;

    public RequestSizeLimitFilter(@Value("${healthcrm.api.max-request-size:5MB}") org.springframework.util.unit.DataSize max,
                                  Problems problems) {
        this.maxBytes = max.toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/fhir/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            reject(request, response);
            return;
        }
        BoundedRequest bounded = new BoundedRequest(request, maxBytes);
        try {
            chain.doFilter(bounded, response);
        } catch (RuntimeException | IOException | ServletException e) {
            if (bounded.exceeded && !response.isCommitted()) {
                response.reset();
                reject(request, response);
                return;
            }
            throw e;
        }
        if (bounded.exceeded && !response.isCommitted()) {
            response.reset();
            reject(request, response);
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(response, problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large",
                "The request body is larger than " + (maxBytes / (1024 * 1024)) + " MB", request));
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {
        private final long max;
        private boolean exceeded;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) {
                            exceeded = true;
                            throw new IOException("Request body over the limit");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
