package org.cloudmarket.web.catalog;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cloudmarket.ordering.service.QuoteView;
import org.cloudmarket.ordering.service.Quotes;
import org.cloudmarket.web.api.ProblemMapper;
import org.cloudmarket.web.api.ProblemWriter;
import org.cloudmarket.web.api.QuoteResource;

/**
 * The product page's calculator: the body and answer of POST /api/v1/quotes, on the page side,
 * so that it prices for whoever the page shows prices to. A signed-in customer pinned to a list
 * sees that list's price on the page; the API never takes a browser session, so the calculator
 * asks here, where the session is the caller. It only reads; it creates no session.
 */
@WebServlet("/calculator/quote")
public class CalculatorQuoteServlet extends HttpServlet {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    private Quotes quotes;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QuoteView quote;
        try {
            quote = quotes.quote(QuoteResource.command(JSONB.fromJson(request.getReader(), QuoteResource.QuoteBody.class)));
        } catch (RuntimeException refused) {
            ProblemWriter.write(response, ProblemMapper.problemOf(refused, request));
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // a signed-in customer's own prices: never kept by a cache
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSONB.toJson(quote));
    }
}
