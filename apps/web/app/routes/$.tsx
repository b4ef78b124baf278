// Any path no route claims: the localized 404 page with status 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NotFoundPage } from "~/components/not-found-page";
import { notFound } from "~/utils/not-found.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return notFound(request, context);
}

export default function CatchAll() {
  const data = useLoaderData<typeof loader>();
  return <NotFoundPage host={data.host} homeUrl={data.homeUrl} />;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "404" }];
