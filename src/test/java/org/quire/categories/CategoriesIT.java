package org.quire.categories;

import static org.quire.testing.Bodies.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.testing.QuireApi;
import org.quire.testing.ServedTests;
import org.quire.testing.StatementBudget;
import org.quire.testing.Reply;

public abstract class CategoriesIT extends ServedTests {

    @Test
    void createAnswers201WithLocationAndTheStoredCategory() {
        String name = "Release notes " + QuireApi.unique();
        Reply created = api.post("api/categories", object("name", "  " + name + "  ", "description", "What changed")).expect(201);
        JsonObject body = created.json();
        assertEquals(name, body.getString("name"), "name is trimmed");
        assertEquals("What changed", body.getString("description"));
        int id = body.getInt("id");
        assertTrue(id > 0);
        assertEquals(api.uri("api/categories/" + id).toString(), created.header("Location"));
        assertTrue(created.header("Content-Type").startsWith("application/json"));

        assertEquals(body, api.get("api/categories/" + id).expect(200).json());
    }

    @Test
    void descriptionIsOptionalAndShownAsNull() {
        JsonObject body = api.post("api/categories", object("name", "No description " + QuireApi.unique())).expect(201).json();
        assertEquals(JsonValue.NULL, body.get("description"));
    }

    @Test
    void readOnlyFieldsInTheBodyAreIgnored() {
        JsonObject body = api.post("api/categories", object("id", 999999, "name", "Ignored id " + QuireApi.unique()))
                .expect(201).json();
        assertTrue(body.getInt("id") != 999999);
    }

    @Test
    void nameIsRequiredAndAtMost100Characters() {
        api.post("api/categories", object()).expectProblem(400, "name");
        api.post("api/categories", object("name", "   ")).expectProblem(400, "name");
        api.post("api/categories", object("name", null)).expectProblem(400, "name");
        api.post("api/categories", object("name", "n".repeat(101))).expectProblem(400, "name");
        api.post("api/categories", object("name", "n".repeat(92) + QuireApi.unique())).expect(201);
    }

    @Test
    void duplicateNameIsA409AndChangesNothing() {
        String name = "Unique " + QuireApi.unique();
        api.post("api/categories", object("name", name)).expect(201);
        long total = totalCategories();
        api.post("api/categories", object("name", name)).expectProblem(409, "name");
        assertEquals(total, totalCategories());
    }

    @Test
    void putReplacesNameAndDescription() {
        int id = api.post("api/categories", object("name", "Before " + QuireApi.unique(), "description", "old"))
                .expect(201).json().getInt("id");
        String renamed = "After " + QuireApi.unique();
        JsonObject replaced = api.put("api/categories/" + id, object("name", renamed)).expect(200).json();
        assertEquals(renamed, replaced.getString("name"));
        assertEquals(JsonValue.NULL, replaced.get("description"), "an omitted description becomes null");
        assertEquals(replaced, api.get("api/categories/" + id).json());
    }

    @Test
    void putToAnotherCategorysNameIsA409() {
        String taken = "Taken " + QuireApi.unique();
        api.post("api/categories", object("name", taken)).expect(201);
        int id = newCategory("Mine");
        JsonObject before = api.get("api/categories/" + id).json();
        api.put("api/categories/" + id, object("name", taken)).expectProblem(409, "name");
        assertEquals(before, api.get("api/categories/" + id).json());
    }

    @Test
    void putOrDeleteOfAnUnknownCategoryIsA404() {
        api.put("api/categories/2147483000", object("name", "x")).expectProblem(404);
        api.delete("api/categories/2147483000").expectProblem(404);
    }

    @Test
    void deleteLeavesItsPostsUncategorised() {
        int category = newCategory("Doomed");
        int post = api.post("api/posts", object("title", "Survivor", "content", "c", "categoryId", category))
                .expect(201).json().getInt("id");

        api.delete("api/categories/" + category).expect(204);

        api.get("api/categories/" + category).expectProblem(404);
        JsonObject survivor = api.get("api/posts/" + post).expect(200).json();
        assertEquals(JsonValue.NULL, survivor.get("categoryId"));
    }

    @Test
    void listIsSortedByNameAndPagesThroughEveryCategoryOnce() {
        String prefix = "Sorted " + QuireApi.unique() + " ";
        for (String suffix : List.of("c", "a", "b")) {
            api.post("api/categories", object("name", prefix + suffix)).expect(201);
        }
        List<String> names = new ArrayList<>();
        String next = "api/categories?size=2";
        Reply first = api.get(next).expect(200);
        long total = first.json().getJsonNumber("totalItems").longValue();
        while (next != null) {
            Reply page = api.get(next).expect(200);
            names.addAll(Reply.strings(page.items(), "name"));
            next = page.links().get("next");
        }
        assertEquals(total, names.size(), "every category exactly once");
        assertEquals(names.stream().filter(n -> n.startsWith(prefix)).toList(), List.of(prefix + "a", prefix + "b", prefix + "c"));
        assertEquals(names.size(), names.stream().distinct().count());
    }

    @Test
    void listRejectsUnknownParametersAndBadPaging() {
        api.get("api/categories?colour=red").expectProblem(400, "colour");
        api.get("api/categories?page=0").expectProblem(400, "page");
        api.get("api/categories?size=101").expectProblem(400, "size");
        api.get("api/categories?size=abc").expectProblem(400, "size");
    }

    @Test
    void postsOfACategoryAreItsPostsOnly() {
        int category = newCategory("Shelf");
        int other = newCategory("Other shelf");
        int mine = api.post("api/posts", object("title", "In shelf", "content", "", "categoryId", category))
                .expect(201).json().getInt("id");
        api.post("api/posts", object("title", "Elsewhere", "content", "", "categoryId", other)).expect(201);

        Reply list = api.get("api/categories/" + category + "/posts").expect(200);
        assertEquals(List.of(mine), list.items().stream().map(p -> p.getInt("id")).toList());
        assertEquals(1, list.json().getInt("totalItems"));
        assertTrue(list.links().get("first").contains("/api/categories/" + category + "/posts"));

        api.get("api/categories/2147483000/posts").expectProblem(404);
    }

    @Test
    void everyEndpointRunsAFixedNumberOfStatements() {
        int id = newCategory("Counted");
        api.get("api/categories?size=100").expect(200).expectStatements(StatementBudget.LIST_PAGE);
        api.get("api/categories/" + id).expect(200).expectStatements(StatementBudget.READ_ONE);
        api.put("api/categories/" + id, object("name", "Counted " + QuireApi.unique())).expect(200).expectStatements(StatementBudget.UPDATE);
        api.delete("api/categories/" + id).expect(204).expectStatements(StatementBudget.DELETE);
        api.post("api/categories", object("name", "Counted " + QuireApi.unique())).expect(201).expectStatements(StatementBudget.CREATE);
    }

    private long totalCategories() {
        return api.get("api/categories").expect(200).json().getJsonNumber("totalItems").longValue();
    }
}
