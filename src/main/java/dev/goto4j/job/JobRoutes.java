package dev.goto4j.job;

import static dev.goto4j.http.Routes.command;
import static dev.goto4j.http.Routes.read;

import dev.goto4j.http.CommaList;
import dev.goto4j.http.Replies;
import dev.goto4j.server.AdminApi;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Admin routes of jobs. */
public final class JobRoutes implements AdminApi {

    private final Jobs jobs;

    public JobRoutes(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<String> roots() {
        return List.of("jobs");
    }

    @Override
    public void mount(Router router) {
        router.post("/jobs/add").handler(ctx -> {
            Job job = Job.read(ctx.body().buffer());
            jobs.add(job);
            Replies.text(ctx, "Job " + job.id() + " added" + (job.auto() ? " and started" : ""));
        });
        command(router, "/jobs/clear", ctx -> {
            jobs.clear();
            Replies.text(ctx, "Jobs cleared");
        });
        command(router, "/jobs/run/all", ctx -> {
            jobs.runAll();
            Replies.text(ctx, "All jobs started");
        });
        command(router, "/jobs/stop/all", ctx -> {
            jobs.stopAll();
            Replies.text(ctx, "All jobs stopped");
        });
        read(router, "/jobs/results", ctx -> Replies.json(ctx, jobs.allResults()));
        read(router, "/jobs", ctx -> Replies.json(ctx, jobs.list()));
        command(router, "/jobs/:jobs/remove", ctx -> {
            jobs.remove(ids(ctx));
            Replies.text(ctx, "Jobs removed: " + ctx.pathParam("jobs"));
        });
        command(router, "/jobs/:jobs/run", ctx -> {
            jobs.run(ids(ctx));
            Replies.text(ctx, "Jobs started: " + ctx.pathParam("jobs"));
        });
        command(router, "/jobs/:jobs/stop", ctx -> {
            jobs.stop(ids(ctx));
            Replies.text(ctx, "Jobs stopped: " + ctx.pathParam("jobs"));
        });
        read(router, "/jobs/:job/results", ctx -> Replies.json(ctx,
                jobs.results(ctx.pathParam("job"))));
    }

    private static List<String> ids(RoutingContext ctx) {
        return CommaList.required("jobs", ctx.pathParam("jobs"));
    }
}
