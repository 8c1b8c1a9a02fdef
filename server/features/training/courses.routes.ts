import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  AttendanceBody,
  CourseCreateBody,
  CourseDetailResponse,
  CourseListQuery,
  CourseListResponse,
  CourseResponse,
  CourseStepBody,
  CourseStepParams,
  CourseUpdateBody,
  DecisionBody,
  NominateBody,
  NominationResponse,
  QuotasBody,
  ResultsBody,
  SessionParams,
  WithdrawBody,
} from "../../../common/schemas/training";
import type { Actor } from "../../authz/actor";
import { authorize } from "../../authz/engine";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import {
  LIVE_NOMINATION_STATUSES,
  isDeciding,
  nextCourseStatus,
  nextNominationStatus,
} from "./course-workflow";
import { decideNomination, withdrawNomination } from "./decide-nomination";
import { nominatePerson } from "./nominate-person";
import { recordAttendance, recordResults, setQuotas } from "./record-attendance";
import { createCourse, updateCourse } from "./save-course";
import { stepCourse } from "./step-course";
import { coursesPolicy, keepsCourse, mayWithdraw, nominationsPolicy } from "./training.policy";
import { presentCourse, presentCourseDetail, presentNomination } from "./training.present";
import {
  courseDetailParts,
  findCourse,
  findCourseForUpdate,
  findNominationForUpdate,
  listCourses,
  nominationView,
  withCounts,
} from "./training.queries";
import type { CourseRow } from "./training.table";

/** The course as the detail page shows it, read after a change. */
async function detail(db: Db, actor: Actor, course: CourseRow) {
  const [row, parts] = await Promise.all([withCounts(db, course), courseDetailParts(db, actor, course)]);
  return { data: presentCourseDetail(row, actor, parts) };
}

/** Only the trainer keeping the course may change it (403), then only from a status that allows it (409). */
function assertKeeps(actor: Actor, course: CourseRow) {
  if (!keepsCourse(actor, course)) throw new AppError("forbidden");
}

export const courseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/courses",
    {
      schema: { querystring: CourseListQuery, response: { 200: CourseListResponse } },
      config: { policy: "courses.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listCourses(app.db, actor, request.query);
      return { data: rows.map((r) => presentCourse(r, actor)), page: pageOf(request.query, total) };
    },
  );

  app.get(
    "/api/v1/courses/:id",
    {
      schema: { params: IdParams, response: { 200: CourseDetailResponse } },
      config: { policy: "courses.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      return detail(app.db, actor, await findCourse(app.db, actor, request.params.id));
    },
  );

  app.post(
    "/api/v1/courses",
    {
      schema: { body: CourseCreateBody, response: { 201: CourseResponse } },
      config: { policy: "courses.manage" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await app.db.transaction((tx) =>
        createCourse(tx, ctxOf(app, request), actor.agencyId, request.body),
      );
      return reply
        .status(201)
        .send({ data: presentCourse({ ...row, acceptedCount: 0, waitlistedCount: 0 }, actor) });
    },
  );

  app.patch(
    "/api/v1/courses/:id",
    {
      schema: { params: IdParams, body: CourseUpdateBody, response: { 200: CourseDetailResponse } },
      config: { policy: "courses.manage" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const course = await findCourseForUpdate(tx, actor, request.params.id);
        assertKeeps(actor, course);
        if (course.status === "completed" || course.status === "cancelled")
          throw new AppError("invalid_transition");
        authorize(actor, coursesPolicy, "update", course);
        return updateCourse(tx, ctxOf(app, request), course, request.body);
      });
      return detail(app.db, actor, row);
    },
  );

  // /courses/:id/open, /start, /complete, /cancel (cancel with a reason).
  app.post(
    "/api/v1/courses/:id/:action",
    {
      schema: { params: CourseStepParams, body: CourseStepBody, response: { 200: CourseDetailResponse } },
      config: { policy: "courses.manage" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, action } = request.params;
      const row = await app.db.transaction(async (tx) => {
        const course = await findCourseForUpdate(tx, actor, id);
        assertKeeps(actor, course);
        if (!nextCourseStatus(course.status, action)) throw new AppError("invalid_transition");
        return stepCourse(tx, ctxOf(app, request), course, action, request.body.reason);
      });
      return detail(app.db, actor, row);
    },
  );

  app.put(
    "/api/v1/courses/:id/quotas",
    {
      schema: { params: IdParams, body: QuotasBody, response: { 200: CourseDetailResponse } },
      config: { policy: "courses.manage" },
    },
    async (request) => {
      const actor = actorOf(request);
      const course = await app.db.transaction(async (tx) => {
        const course = await findCourseForUpdate(tx, actor, request.params.id);
        assertKeeps(actor, course);
        authorize(actor, coursesPolicy, "setQuotas", course);
        await setQuotas(tx, ctxOf(app, request), course, request.body);
        return course;
      });
      return detail(app.db, actor, course);
    },
  );

  app.post(
    "/api/v1/courses/:id/nominations",
    {
      schema: { params: IdParams, body: NominateBody, response: { 201: NominationResponse } },
      config: { policy: "courses.nominate" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { course, row } = await app.db.transaction(async (tx) => {
        const course = await findCourseForUpdate(tx, actor, request.params.id);
        const row = await nominatePerson(tx, ctxOf(app, request), actor, course, request.body.personId);
        return { course, row };
      });
      const view = await nominationView(app.db, actor, course, row.id);
      return reply.status(201).send({ data: presentNomination(view, course, actor) });
    },
  );

  app.post(
    "/api/v1/nominations/:id/decide",
    {
      schema: { params: IdParams, body: DecisionBody, response: { 200: NominationResponse } },
      config: { policy: "courses.manage" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { decision, reason } = request.body;
      const { course, row } = await app.db.transaction(async (tx) => {
        const { course, nomination } = await findNominationForUpdate(tx, actor, request.params.id);
        assertKeeps(actor, course);
        if (!isDeciding(course.status) || !nextNominationStatus(nomination.status, decision))
          throw new AppError("invalid_transition");
        authorize(actor, nominationsPolicy, "decide", { course, nomination });
        const row = await decideNomination(tx, ctxOf(app, request), course, nomination, decision, reason);
        return { course, row };
      });
      return { data: presentNomination(await nominationView(app.db, actor, course, row.id), course, actor) };
    },
  );

  app.post(
    "/api/v1/nominations/:id/withdraw",
    {
      schema: { params: IdParams, body: WithdrawBody, response: { 200: NominationResponse } },
      config: { policy: "courses.withdraw" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { course, row } = await app.db.transaction(async (tx) => {
        const { course, nomination } = await findNominationForUpdate(tx, actor, request.params.id);
        if (!mayWithdraw(actor, course, nomination)) throw new AppError("forbidden");
        if (!isDeciding(course.status) || !LIVE_NOMINATION_STATUSES.includes(nomination.status))
          throw new AppError("invalid_transition");
        authorize(actor, nominationsPolicy, "withdraw", { course, nomination });
        const row = await withdrawNomination(
          tx,
          ctxOf(app, request),
          course,
          nomination,
          request.body.reason,
        );
        return { course, row };
      });
      return { data: presentNomination(await nominationView(app.db, actor, course, row.id), course, actor) };
    },
  );

  app.put(
    "/api/v1/courses/:id/sessions/:sessionId/attendance",
    {
      schema: { params: SessionParams, body: AttendanceBody, response: { 200: CourseDetailResponse } },
      config: { policy: "courses.manage" },
    },
    async (request) => {
      const actor = actorOf(request);
      const course = await app.db.transaction(async (tx) => {
        const course = await findCourseForUpdate(tx, actor, request.params.id);
        assertKeeps(actor, course);
        if (course.status !== "in_progress") throw new AppError("invalid_transition");
        await recordAttendance(tx, ctxOf(app, request), course, request.params.sessionId, request.body);
        return course;
      });
      return detail(app.db, actor, course);
    },
  );

  app.put(
    "/api/v1/courses/:id/results",
    {
      schema: { params: IdParams, body: ResultsBody, response: { 200: CourseDetailResponse } },
      config: { policy: "courses.manage" },
    },
    async (request) => {
      const actor = actorOf(request);
      const course = await app.db.transaction(async (tx) => {
        const course = await findCourseForUpdate(tx, actor, request.params.id);
        assertKeeps(actor, course);
        if (course.status !== "in_progress") throw new AppError("invalid_transition");
        await recordResults(tx, ctxOf(app, request), course, request.body);
        return course;
      });
      return detail(app.db, actor, course);
    },
  );
};
